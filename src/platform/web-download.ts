/**
 * Web only: hands `url` to the browser as a download named `fileName` (a hidden <a download> clicked once).
 * Callers make the URL (object URL, data URL) and revoke it when they made one.
 */
export const clickDownload = (url: string, fileName: string): void => {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
};
