/** Texts of Gremien & Beteiligung (trackingUi), mounted into de.ts as `de.trackingUi`. */
export const trackingUi = {};
