/**
 * Spoken prompts (适老化): the server speaks the text (espeak-ng, GET /api/audio/notice.wav), the
 * kiosk only plays it. Linux browsers have no Web Speech voices, so the browser's own synthesis is
 * only the fallback when the server cannot speak. A new prompt cuts the previous one short.
 */
import type { Lang } from '../shared/i18n';

export interface Speaker {
  speak(text: string, lang: Lang): void;
  stop(): void;
}

export function noticeUrl(text: string, lang: Lang): string {
  return `/api/audio/notice.wav?text=${encodeURIComponent(text.slice(0, 300))}&lang=${lang}&chime=0`;
}

export function createSpeaker(): Speaker {
  let current: HTMLAudioElement | null = null;

  function fallback(text: string, lang: Lang): void {
    const synth = 'speechSynthesis' in window ? window.speechSynthesis : null;
    if (!synth || synth.getVoices().length === 0) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang === 'zh' ? 'zh-CN' : 'en-GB';
    synth.cancel();
    synth.speak(u);
  }

  function stop(): void {
    if (current) {
      current.pause();
      current.removeAttribute('src');
      current = null;
    }
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
  }

  return {
    speak(text, lang) {
      stop();
      const audio = new Audio(noticeUrl(text, lang));
      current = audio;
      let fellBack = false;
      const fail = () => {
        if (fellBack || current !== audio) return;
        fellBack = true;
        fallback(text, lang);
      };
      audio.addEventListener('error', fail);
      audio.play().catch(fail);
    },
    stop,
  };
}
