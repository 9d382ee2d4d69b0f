import { createApp } from 'vue';
import '../shared/base.css';
import { deviceHello, deviceNameIn } from '../shared/deviceHello';
import { connectHall } from '../shared/hallSocket';
import { pickTransport } from '../shared/pickTransport';
import { safeStorage } from '../shared/storage';
import WindowApp from './WindowApp.vue';
import { windowNoFromLocation } from './windowNo';

const windowNo = windowNoFromLocation(location.pathname, location.search);
// 设备状态: the screen above window N says so.
const connection = connectHall(await pickTransport(location.search, deviceHello('window', { windowNo, name: deviceNameIn(location.search), storage: safeStorage() })));
createApp(WindowApp, {
  connection,
  windowNo,
  search: location.search,
}).mount('#app');
