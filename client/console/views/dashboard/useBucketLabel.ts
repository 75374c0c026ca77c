import { useTranslation } from 'react-i18next';
import { bucketWords } from './bucket-label';

/** A bucket key in the UI's language. */
export function useBucketLabel(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => {
    const w = bucketWords(key);
    switch (w.text) {
      case 'other':
        return w.key;
      case 'expired':
      case 'none':
      case 'any':
        return t(`dashboard.bucket.${w.text}`);
      default:
        return t(`dashboard.bucket.${w.text}`, w);
    }
  };
}
