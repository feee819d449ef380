/** Texts of Gremien & Beteiligung (participationDocs), mounted into de.ts as `de.participationDocs`. */
export const participationDocs = {};
