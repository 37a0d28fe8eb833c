namespace OpenAlmaty.Kindergarten.Domain.Common;

/// A rule said no. The UI shows <see cref="Text"/> in the person's language; nothing was changed.
public sealed class DomainException(string code, LocalizedText text) : Exception(text.Ru)
{
    public string Code { get; } = code;
    public LocalizedText Text { get; } = text;
}
