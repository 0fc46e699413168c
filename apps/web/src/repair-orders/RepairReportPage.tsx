import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { photoCount, photosOfLine } from '../photos/line-photos';
import { LinePhotosView } from '../photos/PhotoThumbnails';
import { ErrorAlert } from '../ui/ErrorAlert';
import { faultText, partText, testText } from './fault-text';
import { dateTime } from './format';
import { ShipmentText } from './OrderParts';
import { repairReportOf } from './repair-report';
import { LineStatusBadge } from './StatusBadges';
import { pointById, useOfficialPoints } from './use-official-points';
import { useRepairOrder } from './use-repair-order';

interface RepairReportPageProps {
  /** Where the order is read: the customer's view, or the repair point's. */
  orderPath(diagnosisCode: string): string;
  /** The page the report belongs to. */
  backPath(diagnosisCode: string): string;
}

/** 维修报告: what was found and done on one machine, print-styled to keep or hand on. */
export function RepairReportPage({ orderPath, backPath }: RepairReportPageProps) {
  const { t } = useTranslation();
  const { diagnosisCode = '', deviceOrderNo = '' } = useParams();
  const { order, loadError } = useRepairOrder(orderPath(diagnosisCode), diagnosisCode);
  const points = useOfficialPoints();
  if (!order)
    return loadError ? <ErrorAlert>{loadError}</ErrorAlert> : <p className="muted">{t('chat.loading')}</p>;
  const report = repairReportOf(order, deviceOrderNo);
  if (!report) return <ErrorAlert>{t('repairReport.noLine', { deviceOrderNo })}</ErrorAlert>;
  const point = pointById(points.data, report.repairPointId);
  const { line } = report;
  const photos = photosOfLine(order, deviceOrderNo);
  return (
    <article className="sheet" data-testid="repair-report">
      <div className="no-print actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <Link to={backPath(diagnosisCode)}>{t('print.back')}</Link>
      </div>
      <h1>{t('repairReport.heading')}</h1>
      <dl className="facts">
        <dt>{t('tickets.diagnosisCode')}</dt>
        <dd className="mono">{order.diagnosisCode}</dd>
        <dt>{t('tickets.deviceOrderNo')}</dt>
        <dd className="mono">{line.deviceOrderNo}</dd>
        <dt>{t('tickets.deviceName')}</dt>
        <dd>{line.model}</dd>
        <dt>{t('tickets.sn')}</dt>
        <dd className="mono">{line.sn}</dd>
        <dt>{t('tickets.status')}</dt>
        <dd>
          <LineStatusBadge status={line.status} />
        </dd>
        <dt>{t('repairOrder.repairPoint')}</dt>
        <dd>{point ? `${point.name} · ${point.address} · ${point.phone}` : (report.repairPointId ?? '—')}</dd>
        <dt>{t('mailIn.fault')}</dt>
        <dd>{line.fault ?? '—'}</dd>
      </dl>

      <h2>{t('repairReport.dates')}</h2>
      <dl className="facts">
        <dt>{t('tickets.submittedAt')}</dt>
        <dd>{report.submittedAt ? dateTime(report.submittedAt) : '—'}</dd>
        <dt>{t('repairReport.receivedAt')}</dt>
        <dd>
          {report.receipt
            ? `${dateTime(report.receipt.at)} · ${t(`lineStatus.${report.receipt.outcome}`)}${report.receipt.note ? ` · ${report.receipt.note}` : ''}`
            : '—'}
        </dd>
        <dt>{t('repairReport.returnedAt')}</dt>
        <dd>
          {report.returned ? (
            <>
              {dateTime(report.returned.at)} · <ShipmentText shipment={report.returned} />
            </>
          ) : (
            '—'
          )}
        </dd>
        {report.completedAt && (
          <>
            <dt>{t('repairReport.completedAt')}</dt>
            <dd>{dateTime(report.completedAt)}</dd>
          </>
        )}
      </dl>

      <h2>{t('repairReport.faults')}</h2>
      {report.faults.length === 0 ? (
        <p className="muted">{t('repairReport.none')}</p>
      ) : (
        <ul data-testid="report-faults">
          {report.faults.map((fault, i) => (
            <li key={i}>{faultText(fault)}</li>
          ))}
        </ul>
      )}
      <h2>{t('repairReport.parts')}</h2>
      {report.partsReplaced.length === 0 ? (
        <p className="muted">{t('repairReport.none')}</p>
      ) : (
        <ul data-testid="report-parts">
          {report.partsReplaced.map((part, i) => (
            <li key={i}>{partText(part)}</li>
          ))}
        </ul>
      )}
      <h2>{t('repairReport.result')}</h2>
      <p data-testid="report-result">
        {report.result ? t(`lineStatus.${report.result}`) : t('repairReport.noResult')}
        {report.test && ` · ${testText(report.test)}`}
      </p>
      {report.entries.some((entry) => entry.note) && (
        <>
          <h2>{t('repairReport.notes')}</h2>
          <ul>
            {report.entries
              .filter((entry) => entry.note)
              .map((entry, i) => (
                <li key={i}>
                  {dateTime(entry.at)}: {entry.note}
                </li>
              ))}
          </ul>
        </>
      )}
      {photoCount(photos) > 0 && (
        <>
          <h2>{t('photos.heading')}</h2>
          <LinePhotosView base={`${orderPath(diagnosisCode)}/photos`} photos={photos} sn={line.sn} />
        </>
      )}
    </article>
  );
}
