/** A `tel:` link for a displayed phone number (spaces and dashes dropped; a leading + kept). */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;
