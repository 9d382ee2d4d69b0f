/** The phone page of one ticket: /t/:ticketId (from the QR code on the printed ticket). */
import { createApp } from 'vue';
import '../kiosk/theme.css';
import './ticket.css';
import { createAlerter } from './alert';
import TicketApp from './components/TicketApp.vue';
import { connectTicket } from './ticketSocket';

const ticketId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
createApp(TicketApp, { conn: connectTicket(ticketId), ticketId, alerter: createAlerter() }).mount('#app');
