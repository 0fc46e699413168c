/**
 * The SNs a mining farm pasted: one a line, or separated by commas, semicolons or spaces (half- or
 * full-width, as Chinese spreadsheets and chats give them). Each token is checked by the server.
 */
export function splitSerialNumbers(text: string): string[] {
  return text.split(/[\s,;，；、]+/).filter((token) => token !== '');
}
