import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SessionsPage } from './account/SessionsPage';
import { AdminApiKeysPage } from './admin/AdminApiKeysPage';
import { AdminCarriersPage } from './admin/AdminCarriersPage';
import { AdminRepairPointsPage } from './admin/AdminRepairPointsPage';
import { AdminUsersPage } from './admin/AdminUsersPage';
import { AuditTrailPage } from './admin/AuditTrailPage';
import { DeviceImportPage } from './admin/DeviceImportPage';
import { WarrantyPoliciesPage } from './admin/WarrantyPoliciesPage';
import { AgentConsolePage } from './agent/AgentConsolePage';
import { AgentOrderPage } from './agent/AgentOrderPage';
import { agentOrderPath } from './agent/order-path';
import { AuthProvider } from './auth/auth-context';
import { CannedRepliesPage } from './canned-replies/CannedRepliesPage';
import { RegisterPage } from './auth/RegisterPage';
import { RedirectSignedIn, RequireRole, RequireSignIn } from './auth/route-guards';
import { SignInPage } from './auth/SignInPage';
import { ConsultationPage } from './consultations/ConsultationPage';
import { NewConsultationPage } from './consultations/NewConsultationPage';
import { GuideEditorPage } from './guides/GuideEditorPage';
import { GuidePage } from './guides/GuidePage';
import { GuidesPage } from './guides/GuidesPage';
import { StaffGuidesPage } from './guides/StaffGuidesPage';
import { TopBar } from './layout/TopBar';
import { LiveProvider } from './live/live-context';
import { MailInPage } from './repair-orders/MailInPage';
import { OrderDetailPage } from './repair-orders/OrderDetailPage';
import { PackingSlipPage } from './repair-orders/PackingSlipPage';
import { RepairReportPage } from './repair-orders/RepairReportPage';
import { RepairPointOrderPage } from './repair-point/RepairPointOrderPage';
import { RepairPointQueuePage } from './repair-point/RepairPointQueuePage';
import { RepairPointFinderPage } from './repair-points/RepairPointFinderPage';
import { MyTicketsPage } from './tickets/MyTicketsPage';
import { WarrantyLookupPage } from './warranty/WarrantyLookupPage';

const admin = (page: ReactNode) => <RequireRole role="admin">{page}</RequireRole>;
const customer = (page: ReactNode) => <RequireRole role="customer">{page}</RequireRole>;
const agent = (page: ReactNode) => <RequireRole role="agent">{page}</RequireRole>;
const engineer = (page: ReactNode) => <RequireRole role="engineer">{page}</RequireRole>;
const support = (page: ReactNode) => <RequireRole role={['agent', 'admin']}>{page}</RequireRole>;
/** The customer's view of an order, which support reads too. */
const customerOrder = (code: string) => `/api/repair-orders/${encodeURIComponent(code)}`;
const pointOrder = (code: string) => `/api/repair-point/orders/${encodeURIComponent(code)}`;

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <LiveProvider>
          <TopBar />
          <main>
            <Routes>
              <Route
                path="/sign-in"
                element={
                  <RedirectSignedIn>
                    <SignInPage />
                  </RedirectSignedIn>
                }
              />
              <Route
                path="/register"
                element={
                  <RedirectSignedIn>
                    <RegisterPage />
                  </RedirectSignedIn>
                }
              />
              <Route
                path="/"
                element={
                  <RequireSignIn>
                    <WarrantyLookupPage />
                  </RequireSignIn>
                }
              />
              <Route path="/consultations/new" element={customer(<NewConsultationPage />)} />
              <Route path="/consultations/:id" element={customer(<ConsultationPage />)} />
              <Route path="/tickets" element={customer(<MyTicketsPage />)} />
              <Route path="/repair-orders/:diagnosisCode/mail-in" element={customer(<MailInPage />)} />
              <Route path="/repair-orders/:diagnosisCode" element={customer(<OrderDetailPage />)} />
              <Route
                path="/repair-orders/:diagnosisCode/packing-slip"
                element={customer(<PackingSlipPage />)}
              />
              <Route
                path="/repair-orders/:diagnosisCode/lines/:deviceOrderNo/report"
                element={customer(
                  <RepairReportPage
                    orderPath={customerOrder}
                    backPath={(code) => `/repair-orders/${encodeURIComponent(code)}`}
                  />,
                )}
              />
              <Route path="/repair-point" element={engineer(<RepairPointQueuePage />)} />
              <Route
                path="/repair-point/orders/:diagnosisCode"
                element={engineer(<RepairPointOrderPage />)}
              />
              <Route
                path="/repair-point/orders/:diagnosisCode/lines/:deviceOrderNo/report"
                element={engineer(
                  <RepairReportPage
                    orderPath={pointOrder}
                    backPath={(code) => `/repair-point/orders/${encodeURIComponent(code)}`}
                  />,
                )}
              />
              <Route path="/agent" element={agent(<AgentConsolePage />)} />
              <Route path="/agent/:id" element={agent(<AgentConsolePage />)} />
              <Route path="/agent/orders/:diagnosisCode" element={agent(<AgentOrderPage />)} />
              <Route
                path="/agent/orders/:diagnosisCode/lines/:deviceOrderNo/report"
                element={agent(<RepairReportPage orderPath={customerOrder} backPath={agentOrderPath} />)}
              />
              <Route path="/canned-replies" element={agent(<CannedRepliesPage />)} />
              <Route
                path="/account/sessions"
                element={
                  <RequireSignIn>
                    <SessionsPage />
                  </RequireSignIn>
                }
              />
              {/* The service network is public, as its API is: a visitor can find a point before signing up. */}
              <Route path="/repair-points" element={<RepairPointFinderPage />} />
              {/* Published guides are public too; support writes them. */}
              <Route path="/guides" element={<GuidesPage />} />
              <Route path="/guides/manage" element={support(<StaffGuidesPage />)} />
              <Route path="/guides/manage/new" element={support(<GuideEditorPage />)} />
              <Route path="/guides/manage/:id" element={support(<GuideEditorPage />)} />
              <Route path="/guides/:id" element={<GuidePage />} />
              <Route path="/admin/repair-points" element={admin(<AdminRepairPointsPage />)} />
              <Route path="/admin/warranty-policies" element={admin(<WarrantyPoliciesPage />)} />
              <Route path="/admin/device-imports" element={admin(<DeviceImportPage />)} />
              <Route path="/admin/users" element={admin(<AdminUsersPage />)} />
              <Route path="/admin/api-keys" element={admin(<AdminApiKeysPage />)} />
              <Route path="/admin/carriers" element={admin(<AdminCarriersPage />)} />
              <Route path="/admin/audit" element={admin(<AuditTrailPage />)} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </main>
        </LiveProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}
