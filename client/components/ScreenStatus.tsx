import { useTranslation } from 'react-i18next';

/** Said in place of a screen while its chunk loads, or when it could not be loaded. */
export function ScreenStatus({ screen, failed = false }: { screen: string; failed?: boolean }) {
  const { t } = useTranslation();
  const name = t(`shell.${screen}`);
  if (!failed) {
    return (
      <p className="muted" role="status" data-testid="screen-loading">
        {t('shell.opening', { screen: name })}
      </p>
    );
  }
  return (
    <div className="notice" role="alert" data-testid="screen-failed">
      <p>{t('shell.openFailed', { screen: name })}</p>
      <button type="button" className="secondary" onClick={() => location.reload()}>
        {t('shell.reload')}
      </button>
    </div>
  );
}
