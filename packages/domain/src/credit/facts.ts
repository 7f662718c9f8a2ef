// What the platform records about one store over a grading period, computed by the grading job in SQL
// (packages/server/src/modules/credit/facts-sql.ts) and turned into indicator scores by indicators.ts.
// Every count covers the model's counting span (CreditModel.countsOver: the graded calendar month, China time,
// or the 12 months ending with it) unless its comment says otherwise; "in the year" always means the 12 months
// ending with the period. Flags and states are read at the end of the period.

export interface StoreFacts {
  // — licence (许可) —
  /** The store holds a licence valid at the end of the period. */
  licenceValid: boolean;
  /** Days from the end of the period to the licence's expiry (negative when expired); null without a licence. */
  licenceDaysLeft: number | null;
  /** Licence changes filed on time in the year (变更). */
  licenceChanges: number;
  /** Years since the business was registered (营业执照), 0 when unknown. */
  yearsRegistered: number;
  /** The business licence (营业执照) is active (存续). */
  registrationActive: boolean;

  // — inspections (监督检查) —
  inspectionsDone: number;
  inspectionsPassed: number;
  inspectionsRectify: number;
  inspectionsFailed: number;
  /** Failed checklist items over all inspections of the period. */
  failedItems: number;
  /** Failed items among the key items (重点项: expired food, additives, health certificates…). */
  failedKeyItems: number;
  /** Online patrols (线上巡查) done. */
  onlinePatrols: number;
  /** Volunteer patrols done (社会监督员). */
  volunteerPatrols: number;

  // — rectifications (整改) —
  rectificationsOpened: number;
  rectificationsClosedOnTime: number;
  rectificationsOverdue: number;
  rectificationsReopened: number;

  // — complaints (投诉) —
  complaints: number;
  complaintsUpheld: number;

  // — ratings (评价), approved only —
  ratingsCount: number;
  /** Mean stars 1..5 over the year; null without ratings. */
  ratingsMean: number | null;

  // — sampling (抽检) —
  samplingsDone: number;
  samplingsFailed: number;

  // — penalties (行政处罚) and lists —
  penalties: number;
  seriousPenalties: number;
  /** Penalties whose credit repair was approved in the year. */
  penaltiesRepaired: number;
  onSeriousDishonestyList: boolean;
  onBlackList: boolean;
  onRedList: boolean;
  /** A food-safety accident (食品安全事故) was recorded in the year. */
  foodSafetyAccident: boolean;

  // — alerts (预警) —
  redAlerts: number;
  yellowAlerts: number;
  /** Red alerts not closed within their 24 hours. */
  alertsClosedLate: number;

  // — staff and self-checks —
  staffCount: number;
  /** Staff whose health certificate had expired at the end of the period. */
  healthCertificatesExpired: number;
  selfChecksFiled: number;
  selfCheckFailedItems: number;

  // — commitments (承诺) —
  /** The store has a published commitment letter (承诺书). */
  commitmentSigned: boolean;
  commitmentsBroken: number;

  // — public credit, imported from the provincial component (公共信用评价), 0..100 each, null when absent —
  publicCredit: {
    basics: number | null;
    finance: number | null;
    governance: number | null;
    lawAbiding: number | null;
    socialResponsibility: number | null;
  };

  // — smart supervision (智慧监管上线), recorded by steps 9–10 —
  // null: the platform does not record the fact yet (kitchens arrive with step 10); indicators reading a null fact
  // do not count, and the other indicators of their group carry their weight.
  /** Cameras (明厨亮灶) registered for the store. */
  kitchenCameras: number | null;
  /** Smart-kitchen events (no hat, rodent…) in the period. */
  kitchenEvents: number | null;
  /** Events of the period the business responded to in the portal (step 10). */
  kitchenEventsResponded: number | null;
  /** Rodent events (鼠患) in the period (step 10). */
  kitchenRodentEvents: number | null;
}
