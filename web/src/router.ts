import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import type { Role } from './api/types';
import { type MessageKey, t } from './i18n';
import { can, loadSession, session } from './session';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page's name in the catalog, for the window title. */
    title?: MessageKey;
    /** Open without a session (the login page). */
    public?: boolean;
    /** The least role the page is for; the server enforces the same on its routes. */
    role?: Role;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./pages/LoginPage.vue'),
      meta: { public: true, title: 'login.title' },
    },
    {
      path: '/',
      name: 'dashboard',
      component: () => import('./pages/DashboardPage.vue'),
      meta: { title: 'dashboard.title' },
    },
    {
      path: '/search',
      name: 'search',
      component: () => import('./pages/SearchPage.vue'),
      meta: { title: 'search.title' },
    },
    {
      path: '/documents',
      name: 'documents',
      component: () => import('./pages/DocumentsPage.vue'),
      meta: { title: 'documents.title' },
    },
    {
      path: '/documents/:id',
      name: 'document',
      component: () => import('./pages/DocumentPage.vue'),
      meta: { title: 'documents.title' },
    },
    {
      path: '/entities/:id',
      name: 'entity',
      component: () => import('./pages/EntityPage.vue'),
      meta: { title: 'entity.aliases' },
    },
    {
      path: '/registry',
      name: 'registry',
      component: () => import('./pages/RegistryPage.vue'),
      meta: { title: 'registry.title' },
    },
    {
      path: '/records',
      name: 'records',
      component: () => import('./pages/RecordsPage.vue'),
      meta: { title: 'records.title' },
    },
    {
      path: '/report',
      name: 'report',
      component: () => import('./pages/ReportPage.vue'),
      meta: { title: 'report.title' },
    },
    {
      path: '/matching',
      name: 'matching',
      component: () => import('./pages/MatchingPage.vue'),
      meta: { title: 'matching.title' },
    },
    {
      path: '/attention',
      name: 'attention',
      component: () => import('./pages/AttentionPage.vue'),
      meta: { title: 'attention.title' },
    },
    {
      path: '/review',
      name: 'review',
      component: () => import('./pages/ReviewPage.vue'),
      meta: { title: 'review.title', role: 'editor' },
    },
    {
      path: '/upload',
      name: 'upload',
      component: () => import('./pages/UploadPage.vue'),
      meta: { title: 'upload.title', role: 'editor' },
    },
    {
      path: '/users',
      name: 'users',
      component: () => import('./pages/UsersPage.vue'),
      meta: { title: 'users.title', role: 'admin' },
    },
    {
      path: '/forbidden',
      name: 'forbidden',
      component: () => import('./pages/MessagePage.vue'),
      props: { message: 'errors.forbidden' },
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./pages/MessagePage.vue'),
      props: { message: 'errors.notFound' },
    },
  ],
  scrollBehavior(to, _from, saved) {
    if (saved) return saved;
    // The document page scrolls to its cited sentence itself.
    if (to.name === 'document' && to.query.at !== undefined) return false;
    return { top: 0 };
  },
});

/** Only paths inside the app: never `//elsewhere` or an absolute address. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

router.beforeEach(async (to: RouteLocationNormalized) => {
  await loadSession();
  if (!session.loaded) return true; // The app shows why the server could not be reached.
  if (to.name === 'login' && (session.user || session.singleUser)) return safeRedirect(to.query.redirect);
  if (to.meta.public) return true;
  if (!session.user) return { name: 'login', query: { redirect: to.fullPath } };
  if (to.meta.role && !can(to.meta.role)) return { name: 'forbidden' };
  return true;
});

/** The window title: the page, then the app. */
export function pageTitle(to: RouteLocationNormalized): string {
  return to.meta.title ? `${t(to.meta.title)} · ${t('app.name')}` : t('app.name');
}

router.afterEach((to) => {
  document.title = pageTitle(to);
});
