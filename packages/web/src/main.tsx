import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App as AntApp } from "antd";
import { BrowserRouter } from "react-router";
import "antd/dist/reset.css";
import { AppRoutes } from "./app";
import { AuthProvider } from "./auth/auth-context";
import { LanguageProvider, applyLanguage, storedLanguage } from "./i18n/language";

// Apply the remembered language before the first request, so the server answers in it too.
const language = storedLanguage();
applyLanguage(language);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <LanguageProvider initial={language}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </LanguageProvider>
  </StrictMode>,
);
