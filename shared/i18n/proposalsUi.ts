/** Texts of Gremien & Beteiligung (proposalsUi), mounted into de.ts as `de.proposalsUi`. */
export const proposalsUi = {};
