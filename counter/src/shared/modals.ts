/**
 * How many modal boxes are open on the page (ModalDialog counts itself in and out). A panel that
 * acts by itself (the clerk's 自动叫号) holds off while the person is busy in any box, including
 * boxes a component keeps to itself.
 */
import { ref } from 'vue';

export const openModals = ref(0);
