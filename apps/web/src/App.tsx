import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/auth-context';
import { RegisterPage } from './auth/RegisterPage';
import { RedirectSignedIn, RequireSignIn } from './auth/route-guards';
import { SignInPage } from './auth/SignInPage';
import { TopBar } from './layout/TopBar';
import { WarrantyLookupPage } from './warranty/WarrantyLookupPage';

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
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
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </main>
      </AuthProvider>
    </BrowserRouter>
  );
}
