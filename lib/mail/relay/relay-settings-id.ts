/** The relay's one settings row. Universal. */
export const RELAY_SETTINGS_ID = 'relay';
