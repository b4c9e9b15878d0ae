// While canned-response suggestions are open, the arrow keys, Enter, Tab and Escape drive the list instead of the text.
export function watchSuggestionKeys(textarea) {
    textarea.addEventListener('keydown', e => {
        if (textarea.dataset.suggesting === 'yes' && ['ArrowUp', 'ArrowDown', 'Enter', 'Tab', 'Escape'].includes(e.key)) {
            e.preventDefault();
        }
    });
}
