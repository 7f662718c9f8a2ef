import { useEffect, useState } from "react";
import { assess, type Assessment, type Scope } from "../../../api/licensing";
import { useI18n } from "../../../i18n/language";

const DEBOUNCE_MS = 300;

interface LiveAssessment {
  assessment: Assessment | undefined;
  loading: boolean;
  error: unknown;
}

/**
 * Assesses the scope as the applicant edits it: once they pause, and again in a new language (the messages are
 * the server's). Without a complete scope there is nothing to assess.
 */
export function useLiveAssessment(scope: Scope | null): LiveAssessment {
  const { lang } = useI18n();
  const [state, setState] = useState<LiveAssessment>({ assessment: undefined, loading: false, error: null });
  const key = scope && JSON.stringify(scope);

  useEffect(() => {
    if (!key) {
      setState({ assessment: undefined, loading: false, error: null });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    const timer = setTimeout(() => {
      assess(JSON.parse(key) as Scope).then(
        (assessment) => current && setState({ assessment, loading: false, error: null }),
        (error: unknown) => current && setState({ assessment: undefined, loading: false, error }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, lang]);

  return state;
}
