import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { OrderDetail } from '../repair-orders/OrderDetail';
import { agentOrderPath } from './order-path';

/** A repair order as support reads it, updated live: the customer's detail, read only. */
export function AgentOrderPage() {
  const { t } = useTranslation();
  const { diagnosisCode = '' } = useParams();
  return (
    <OrderDetail
      key={diagnosisCode}
      diagnosisCode={diagnosisCode}
      reportPath={(no) => `${agentOrderPath(diagnosisCode)}/lines/${no}/report`}
      slots={() => ({
        notice: (
          <p className="muted small">
            <Link to="/agent">{t('agent.backToConsole')}</Link> · {t('agent.orderReadOnly')}
          </p>
        ),
      })}
    />
  );
}
