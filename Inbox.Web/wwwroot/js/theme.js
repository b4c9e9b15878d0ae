// The person's explicit light or dark pick, kept in this browser. With none stored, the theme follows the system.
const key = 'inbox.theme';

export function storedMode() {
    try {
        return localStorage.getItem(key);
    } catch {
        return null;
    }
}

export function storeMode(mode) {
    try {
        localStorage.setItem(key, mode);
    } catch {
        // Private windows may refuse storage; the pick then lasts for this page only.
    }
}
