import Taro from '@tarojs/taro';

/**
 * Whether the device has a network, and a signal when it comes back. In the mini-program: getNetworkType and
 * onNetworkStatusChange; on the web: navigator.onLine and the window's `online` event (what a browser's offline
 * switch toggles).
 */
export const isOnline = async (): Promise<boolean> => {
  if (process.env.TARO_ENV === 'h5') return typeof navigator === 'undefined' || navigator.onLine !== false;
  try {
    const { networkType } = await Taro.getNetworkType();
    return networkType !== 'none';
  } catch {
    // Unknown: try to send; a failure keeps the item queued anyway.
    return true;
  }
};

/** Calls `listener` each time the network comes back; returns the unsubscribe. */
export const onReconnect = (listener: () => void): (() => void) => {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window === 'undefined') return () => undefined;
    window.addEventListener('online', listener);
    return () => window.removeEventListener('online', listener);
  }
  const onChange = (res: { isConnected: boolean }) => {
    if (res.isConnected) listener();
  };
  try {
    Taro.onNetworkStatusChange(onChange);
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      Taro.offNetworkStatusChange(onChange);
    } catch {
      // Older base libraries cannot unsubscribe: the listener only triggers a harmless flush.
    }
  };
};
