/** Texts of Gremien & Beteiligung (meetingsUi), mounted into de.ts as `de.meetingsUi`. */
export const meetingsUi = {};
