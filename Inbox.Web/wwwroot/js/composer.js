// While canned-response suggestions are open, the arrow keys, Enter, Tab and Escape drive the list instead of the text.
export function watchSuggestionKeys(textarea) {
    textarea.addEventListener('keydown', e => {
        if (textarea.dataset.suggesting === 'yes' && ['ArrowUp', 'ArrowDown', 'Enter', 'Tab', 'Escape'].includes(e.key)) {
            e.preventDefault();
        }
    });
}

// A file dropped on the composer or pasted into it goes to its file input, as if picked with the Attach button.
export function watchFiles(input) {
    const zone = input.closest('.composer');
    if (!zone) {
        return;
    }

    // The input is re-created when the composer switches modes: the zone keeps one set of listeners and the latest input.
    zone.inboxFileInput = input;
    if (zone.inboxWatchingFiles) {
        return;
    }

    zone.inboxWatchingFiles = true;
    const take = files => {
        const target = zone.inboxFileInput;
        if (!files || files.length === 0 || !target || !target.isConnected || target.disabled) {
            return false;
        }

        const transfer = new DataTransfer();
        transfer.items.add(files[0]);
        target.files = transfer.files;
        target.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
    };
    zone.addEventListener('dragover', e => {
        if (e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files') && zone.inboxFileInput?.isConnected) {
            e.preventDefault();
            zone.classList.add('drop-target');
        }
    });
    zone.addEventListener('dragleave', e => {
        if (!zone.contains(e.relatedTarget)) {
            zone.classList.remove('drop-target');
        }
    });
    zone.addEventListener('drop', e => {
        zone.classList.remove('drop-target');
        if (take(e.dataTransfer?.files)) {
            e.preventDefault();
        }
    });
    zone.addEventListener('paste', e => {
        if (take(e.clipboardData?.files)) {
            e.preventDefault();
        }
    });
}

// A link to the picked picture inside the agent's browser, for the preview: nothing is sent to show it.
export function previewUrl(input) {
    const file = input.files && input.files[0];
    return file && file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
}

export function revokePreview(url) {
    if (url) {
        URL.revokeObjectURL(url);
    }
}
