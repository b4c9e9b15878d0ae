// The inbox page's browser side: keyboard shortcuts, a sound plus a notification for new customer messages, and the
// ticking of countdowns. The alerts preference lives in localStorage; permission to notify is asked
// only when the agent turns alerts on.

const preferenceKey = 'inbox.alerts';
let page = null;
let toggle = null;
let audio = null;
let ticker = null;
const baselines = new WeakMap();

export function start(dotnet, alertsToggle) {
    page = dotnet;
    toggle = alertsToggle;
    document.addEventListener('keydown', onKey);
    toggle?.addEventListener('click', toggleAlerts);
    ticker ??= setInterval(tickCountdowns, 250);
    return alertsOn();
}

export function stop() {
    document.removeEventListener('keydown', onKey);
    toggle?.removeEventListener('click', toggleAlerts);
    page = null;
    toggle = null;
    clearInterval(ticker);
    ticker = null;
}

// A countdown carries its deadline and the server's instant at render (Unix ms). The server renders it again only when
// its colour changes (4 hours and 1 hour left) and at the deadline, so the text ticks here: the time left is the
// deadline minus the server's instant now, taken as the browser's clock plus the difference seen when the span was
// first met (or re-rendered), which keeps a browser whose clock is off showing the server's countdown. Only the text
// node's value changes, so Blazor's own reference to it stays valid. The format is Countdown.Format's: days and hours
// beyond a day, hours and minutes beyond an hour, minutes and seconds in the last hour.
function tickCountdowns() {
    const browserNow = Date.now();
    for (const span of document.querySelectorAll('[data-testid=countdown-time][data-deadline]')) {
        const stamp = span.dataset.now;
        let seen = baselines.get(span);
        if (seen?.stamp !== stamp) {
            seen = { stamp, offset: Number(stamp) - browserNow };
            baselines.set(span, seen);
        }

        const text = formatLeft(Math.max(0, Number(span.dataset.deadline) - (browserNow + seen.offset)));
        const node = span.firstChild;
        if (node?.nodeType === Node.TEXT_NODE && node.nodeValue !== text) {
            node.nodeValue = text;
        }
    }
}

function formatLeft(ms) {
    const total = Math.floor(ms / 1000);
    const days = Math.floor(total / 86400);
    const hours = Math.floor(total % 86400 / 3600);
    const minutes = Math.floor(total % 3600 / 60);
    const two = n => String(n).padStart(2, '0');
    if (days > 0) {
        return `${days}d ${two(hours)}h`;
    }

    return hours > 0 ? `${hours}h ${two(minutes)}m` : `${minutes}:${two(total % 60)}`;
}

export function scrollToSelected() {
    document.querySelector('.conversation-row.selected')?.scrollIntoView({ block: 'nearest' });
}

export function alert(title, body, conversationId) {
    if (!alertsOn()) {
        return;
    }

    beep();
    // The page itself shows the new message; a system notification is for an agent looking elsewhere.
    if ('Notification' in window && Notification.permission === 'granted' && !document.hasFocus()) {
        const notification = new Notification(title, { body, tag: `conversation-${conversationId}` });
        notification.onclick = () => {
            window.focus();
            page?.invokeMethodAsync('Open', conversationId);
            notification.close();
        };
    }
}

function alertsOn() {
    return localStorage.getItem(preferenceKey) === 'on';
}

async function toggleAlerts() {
    const on = !alertsOn();
    localStorage.setItem(preferenceKey, on ? 'on' : 'off');
    if (on) {
        // Both need this click: browsers start audio and ask for permission only after a user gesture.
        audio ??= new AudioContext();
        audio.resume();
        if ('Notification' in window && Notification.permission === 'default') {
            await Notification.requestPermission();
        }
    }

    await page?.invokeMethodAsync('AlertsChanged', on);
}

function beep() {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') {
        audio.resume();
    }

    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 880;
    volume.gain.setValueAtTime(0.15, audio.currentTime);
    volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.25);
    tone.connect(volume).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
}

function isTyping(target) {
    return target instanceof HTMLElement
        && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
        return;
    }

    if (isTyping(event.target)) {
        if (event.key === 'Escape') {
            event.target.blur();
        }

        return;
    }

    // Behind an open dialog the inbox stays still: only the help's own keys work.
    if (document.querySelector('[aria-modal="true"]') && event.key !== '?' && event.key !== 'Escape') {
        return;
    }

    switch (event.key) {
        case 'j': page?.invokeMethodAsync('Move', 1); break;
        case 'k': page?.invokeMethodAsync('Move', -1); break;
        case 'r': document.querySelector('[data-testid=composer-text]')?.focus(); break;
        case 'e': document.querySelector('[data-testid=resolve]')?.click(); break;
        case '/': document.querySelector('[data-testid=search]')?.focus(); break;
        case '?': page?.invokeMethodAsync('ToggleHelp'); break;
        case 'Escape': page?.invokeMethodAsync('CloseHelp'); break;
        default: return;
    }

    event.preventDefault();
}
