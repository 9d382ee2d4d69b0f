import { createApp, watch } from 'vue';
import '../shared/base.css';
import { deviceHello, deviceNameIn, soundState } from '../shared/deviceHello';
import { connectHall } from '../shared/hallSocket';
import { parseFilter } from '../shared/hallFilter';
import { pickTransport } from '../shared/pickTransport';
import { safeStorage } from '../shared/storage';
import WallApp from './WallApp.vue';
import { createWallModel, soundEnabledIn } from './wallModel';

// 设备状态: the wall says who it is, and whether it can be heard (a silent wall misses every call).
const hello = deviceHello('wall', {
  zone: parseFilter(location.search).zones?.join('、'),
  name: deviceNameIn(location.search),
  sound: soundState(soundEnabledIn(location.search), false),
  storage: safeStorage(),
});
const connection = connectHall(await pickTransport(location.search, hello));
const model = createWallModel(connection, location.search);
watch(model.soundBlocked, (blocked) => connection.reportDevice({ sound: soundState(model.soundEnabled, blocked) }));
createApp(WallApp, { model }).mount('#app');
