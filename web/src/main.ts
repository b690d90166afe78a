import { createApp } from 'vue';
import App from './App.vue';
import { handleUnauthenticated } from './api/client';
import { router } from './router';
import { forgetUser } from './session';
import './styles.css';

handleUnauthenticated(() => {
  forgetUser();
  const current = router.currentRoute.value;
  if (current.name !== 'login') {
    void router.push({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  }
});

createApp(App).use(router).mount('#app');
