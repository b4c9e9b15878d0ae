// Keyboard focus for the inbox's own dialogs and menus (WAI-ARIA dialog and menu patterns): focus moves in when one
// opens, Tab stays inside, menus move with the arrow keys, Escape closes a menu, and focus goes back to where it was
// when it closes. MudBlazor's own dialogs do this themselves.

const traps = new Map();
const focusableSelector = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusable(element) {
    return [...element.querySelectorAll(focusableSelector)].filter(e => e.offsetParent !== null || e === document.activeElement);
}

// The element may render a frame later (MudPopover draws its content through the popover provider).
function whenPresent(selector, attempts = 60) {
    return new Promise(resolve => {
        const look = left => {
            const element = document.querySelector(selector);
            if (element || left === 0) {
                resolve(element);
            } else {
                requestAnimationFrame(() => look(left - 1));
            }
        };
        look(attempts);
    });
}

/** Traps focus in the element matching selector; closer (a .NET object with Close()) handles Escape, arrows moves like a menu. */
export async function trap(key, selector, closer, arrows) {
    release(key, false);
    const opener = document.activeElement;
    const element = await whenPresent(selector);
    if (!element) {
        return;
    }

    const onKey = event => {
        const items = focusable(element);
        if (event.key === 'Escape' && closer) {
            event.preventDefault();
            event.stopPropagation();
            closer.invokeMethodAsync('Close');
        } else if (event.key === 'Tab' && items.length > 0) {
            const first = items[0];
            const last = items[items.length - 1];
            if (event.shiftKey && (document.activeElement === first || !element.contains(document.activeElement))) {
                last.focus();
                event.preventDefault();
            } else if (!event.shiftKey && (document.activeElement === last || !element.contains(document.activeElement))) {
                first.focus();
                event.preventDefault();
            }
        } else if (arrows && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && items.length > 0) {
            const at = items.indexOf(document.activeElement);
            const next = event.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
            items[next].focus();
            event.preventDefault();
        }
    };

    element.addEventListener('keydown', onKey);
    traps.set(key, { element, opener, onKey });
    focusable(element)[0]?.focus();
}

/** Ends the trap and, unless told otherwise, gives focus back to what had it before the dialog or menu opened. */
export function release(key, restore = true) {
    const entry = traps.get(key);
    if (!entry) {
        return;
    }

    traps.delete(key);
    entry.element.removeEventListener('keydown', entry.onKey);
    if (restore && entry.opener instanceof HTMLElement && entry.opener.isConnected) {
        entry.opener.focus();
    }
}
