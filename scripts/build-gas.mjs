// Placeholder until the Apps Script bundle lands (issue 2).
export async function buildGas() {}
