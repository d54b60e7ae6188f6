/** Lower-cases `A`–`Z` only, so that no non-ASCII character can alias a status name. */
export function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
