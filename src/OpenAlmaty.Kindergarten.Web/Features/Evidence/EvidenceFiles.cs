using System.Security.Cryptography;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Features.Evidence;

public sealed record CheckedFile(string FileName, string ContentType, byte[] Content, string Sha256);

/// A document a parent hands in (birth certificate, guardianship decision, privilege
/// certificate): PDF, JPEG or PNG by its content, not its name, at most 5 MB, not empty. The
/// size is checked from the multipart header before a byte is read; the type from the first
/// bytes. Anything else is refused with a message and nothing is stored.
public static class EvidenceFiles
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxFiles = 3;

    /// What one upload request may carry: the files at their largest, two groups, and the form's fields.
    public const long RequestLimit = 2 * MaxFiles * MaxBytes + 256 * 1024;

    private static readonly (byte[] Magic, string ContentType, string Extension)[] Types =
    [
        ("%PDF-"u8.ToArray(), "application/pdf", ".pdf"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg", ".jpg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", ".png"),
    ];

    public static async Task<(List<CheckedFile> Files, LocalizedText? Error)> CheckAsync(IEnumerable<IFormFile>? files, CancellationToken ct)
    {
        var list = (files ?? []).Where(f => !string.IsNullOrEmpty(f.FileName)).ToList();
        if (list.Count > MaxFiles)
            return ([], new("Можно приложить не больше {0} файлов.", MaxFiles));
        foreach (var f in list)
        {
            if (f.Length == 0)
                return ([], new("Файл «{0}» пустой.", Name(f)));
            if (f.Length > MaxBytes)
                return ([], new("Файл «{0}» больше 5 МБ.", Name(f)));
        }
        var result = new List<CheckedFile>();
        foreach (var f in list)
        {
            using var buffer = new MemoryStream((int)f.Length);
            await f.CopyToAsync(buffer, ct);
            var content = buffer.ToArray();
            if (TypeOf(content) is not { } type)
                return ([], new("Файл «{0}» не является PDF, JPEG или PNG.", Name(f)));
            var stem = Path.GetFileNameWithoutExtension(Name(f));
            result.Add(new CheckedFile(stem[..Math.Min(stem.Length, 150)] + type.Extension, type.ContentType, content,
                Convert.ToHexStringLower(SHA256.HashData(content))));
        }
        return (result, null);
    }

    public static (string ContentType, string Extension)? TypeOf(ReadOnlySpan<byte> content)
    {
        foreach (var (magic, contentType, extension) in Types)
            if (content.StartsWith(magic)) return (contentType, extension);
        return null;
    }

    /// The name as the parent's computer gave it, without any folder, for messages and downloads.
    private static string Name(IFormFile f)
    {
        var name = Path.GetFileName(f.FileName.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) ? "document" : name;
    }
}
