import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AuditLogPage } from '../features/audit/AuditLogPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { CustomFieldsPage } from '../features/custom-fields/CustomFieldsPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotFoundPage } from '../features/home/NotFoundPage.tsx';
import { OrganisationPage } from '../features/org/OrganisationPage.tsx';
import { ProjectCreatePage } from '../features/projects/ProjectCreatePage.tsx';
import { ProjectDetailPage } from '../features/projects/ProjectDetailPage.tsx';
import { ProjectListPage } from '../features/projects/ProjectListPage.tsx';
import { AvailabilityPage } from '../features/resources/AvailabilityPage.tsx';
import { CapacityPage } from '../features/resources/CapacityPage.tsx';
import { ResourceDetailPage } from '../features/resources/ResourceDetailPage.tsx';
import { ResourcePoolPage } from '../features/resources/ResourcePoolPage.tsx';
import { StaffingPage } from '../features/resources/StaffingPage.tsx';
import { RoadmapPage } from '../features/schedule/RoadmapPage.tsx';
import { ApprovalsPage } from '../features/timesheets/ApprovalsPage.tsx';
import { ReconciliationPage } from '../features/timesheets/ReconciliationPage.tsx';
import { TimesheetPage } from '../features/timesheets/TimesheetPage.tsx';
import { UserDetailPage } from '../features/users/UserDetailPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RequireAction, RequireAuth } from './RequireAuth.tsx';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <HomePage /> },
        { path: 'projects', element: <ProjectListPage /> },
        {
          path: 'projects/new',
          element: (
            <RequireAction action="project.create">
              <ProjectCreatePage />
            </RequireAction>
          ),
        },
        { path: 'projects/:id', element: <ProjectDetailPage /> },
        { path: 'roadmap', element: <RoadmapPage /> },
        {
          path: 'resources',
          element: (
            <RequireAction action="resource.read">
              <ResourcePoolPage />
            </RequireAction>
          ),
        },
        {
          path: 'resources/:id',
          element: (
            <RequireAction action="resource.read">
              <ResourceDetailPage />
            </RequireAction>
          ),
        },
        {
          path: 'capacity',
          element: (
            <RequireAction action="resource.read">
              <CapacityPage />
            </RequireAction>
          ),
        },
        {
          path: 'availability',
          element: (
            <RequireAction action="resource.read">
              <AvailabilityPage />
            </RequireAction>
          ),
        },
        {
          path: 'staffing',
          element: (
            <RequireAction action="resource.manage">
              <StaffingPage />
            </RequireAction>
          ),
        },
        {
          path: 'reconciliation',
          element: (
            <RequireAction action="resource.read">
              <ReconciliationPage />
            </RequireAction>
          ),
        },
        {
          path: 'timesheets',
          element: (
            <RequireAction action="timesheet.log">
              <TimesheetPage />
            </RequireAction>
          ),
        },
        {
          path: 'timesheets/approvals',
          element: (
            <RequireAction action="timesheet.approve">
              <ApprovalsPage />
            </RequireAction>
          ),
        },
        { path: 'organisation', element: <OrganisationPage /> },
        {
          path: 'users',
          element: (
            <RequireAction action="user.manage">
              <UsersPage />
            </RequireAction>
          ),
        },
        {
          path: 'users/:id',
          element: (
            <RequireAction action="user.manage">
              <UserDetailPage />
            </RequireAction>
          ),
        },
        {
          path: 'custom-fields',
          element: (
            <RequireAction action="customfield.manage">
              <CustomFieldsPage />
            </RequireAction>
          ),
        },
        {
          path: 'audit',
          element: (
            <RequireAction action="journal.read">
              <AuditLogPage />
            </RequireAction>
          ),
        },
        { path: 'account', element: <AccountPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
