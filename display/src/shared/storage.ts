/** The browser's localStorage, or null where reading it throws (storage disabled by policy). */
export function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
