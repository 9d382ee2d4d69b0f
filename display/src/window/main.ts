import { createApp } from 'vue';
import '../shared/base.css';
import { connectHall } from '../shared/hallSocket';
import { pickTransport } from '../shared/pickTransport';
import WindowApp from './WindowApp.vue';
import { windowNoFromLocation } from './windowNo';

const connection = connectHall(await pickTransport(location.search));
createApp(WindowApp, {
  connection,
  windowNo: windowNoFromLocation(location.pathname, location.search),
  search: location.search,
}).mount('#app');
