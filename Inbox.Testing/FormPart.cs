using System.Text;

namespace Inbox.Testing;

/// <summary>One part of a multipart/form-data request the fake platform received: a field, or a file with its name and type.</summary>
public sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Bytes)
{
    /// <summary>The part read as UTF-8 text (a field's value).</summary>
    public string Text => Encoding.UTF8.GetString(Bytes);
}
