import { createApp } from 'vue';
import '../shared/base.css';
import AdminApp from './components/AdminApp.vue';

createApp(AdminApp).mount('#app');
