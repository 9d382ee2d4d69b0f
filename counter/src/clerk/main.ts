import { createApp } from 'vue';
import '../shared/base.css';
import ClerkApp from './components/ClerkApp.vue';

createApp(ClerkApp).mount('#app');
