using Inbox.Core.Localization;

namespace Inbox.Core.Media;

/// <summary>
/// The media folder: attachments and profile pictures, each under a name the app makes up (a random id and the checked
/// type's extension), so nothing a platform or customer sends ever names a path.
/// </summary>
public sealed class MediaStore(string folder)
{
    /// <summary>The folder files are kept in.</summary>
    public string Folder { get; } = folder;

    /// <summary>
    /// Copies <paramref name="content"/> to the folder, stopping once it exceeds <paramref name="maxBytes"/>, and checks its
    /// bytes against <paramref name="kind"/>. On success the file is in place; on refusal nothing is left behind.
    /// </summary>
    public async Task<StoredFile> SaveAsync(Stream content, string kind, string? declaredType, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var id = Guid.NewGuid().ToString("N");
        var partial = Path.Combine(Folder, id + ".part");
        try
        {
            long size = 0;
            var header = new byte[MediaTypes.HeaderLength];
            var headerLength = 0;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        return StoredFile.Refused(TooLarge(maxBytes));
                    }

                    var copy = Math.Min(read, header.Length - headerLength);
                    buffer.AsSpan(0, copy).CopyTo(header.AsSpan(headerLength));
                    headerLength += copy;
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size == 0)
            {
                return StoredFile.Refused(EmptyFromPlatform);
            }

            var (mimeType, refusal) = MediaTypes.Check(kind, header.AsSpan(0, headerLength), declaredType);
            if (mimeType is null)
            {
                return StoredFile.Refused(refusal!);
            }

            var name = id + MediaTypes.Extension(mimeType);
            File.Move(partial, Path.Combine(Folder, name));
            return new StoredFile(name, mimeType, size, null);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Opens a stored file for reading, or null when it is missing (or the name is not one the store made).</summary>
    public FileStream? Open(string? storedAs)
    {
        if (storedAs is null || storedAs != Path.GetFileName(storedAs) || storedAs.StartsWith('.'))
        {
            return null;
        }

        var path = Path.Combine(Folder, storedAs);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Whether a stored file is (still) in the folder.</summary>
    public bool Exists(string? storedAs)
    {
        using var file = Open(storedAs);
        return file is not null;
    }

    /// <summary>Removes a stored file, if it is there.</summary>
    public void Delete(string? storedAs)
    {
        if (storedAs is not null && storedAs == Path.GetFileName(storedAs))
        {
            File.Delete(Path.Combine(Folder, storedAs));
        }
    }

    /// <summary>"25 MB" for a limit in bytes.</summary>
    /// <summary>Why a file over the app's own limit (<c>Inbox:Media:MaxBytes</c>) is refused.</summary>
    public static Phrase TooLarge(long maxBytes) => new("The file is larger than the {0} limit.", Megabytes(maxBytes));

    /// <summary>Why an empty download is refused.</summary>
    public static readonly Phrase EmptyFromPlatform = new("The platform sent an empty file.");

    public static string Megabytes(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / (1024.0 * 1024):0.#} MB";
}
