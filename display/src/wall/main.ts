import { createApp } from 'vue';
import '../shared/base.css';
import { connectHall } from '../shared/hallSocket';
import { pickTransport } from '../shared/pickTransport';
import WallApp from './WallApp.vue';
import { createWallModel } from './wallModel';

const connection = connectHall(await pickTransport(location.search));
createApp(WallApp, { model: createWallModel(connection, location.search) }).mount('#app');
