/** Telling a CCP log from a report or a share code by its first few KB (cheap; no parsing). */
export function looksLikeCcpLog(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const head = text.slice(0, 8192);
  if (/^\s*\[/.test(head)) return /"(level|component)"\s*:/.test(head) && /"text"\s*:/.test(head) && /"time"\s*:/.test(head);
  // The console form: "[2026-03-04T09:00:00.000Z] [INFO] [agent]: text"
  return /^\s*\[\d{4}-\d\d-\d\dT[^\]]+\] \[[A-Z]+\] \[/.test(head);
}
