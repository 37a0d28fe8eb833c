using System.ComponentModel.DataAnnotations;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Web.Features.NewApplication;

public sealed class NewApplicationForm
{
    [Required, StringLength(12, MinimumLength = 12)]
    public string ChildIin { get; set; } = "";

    [Required, StringLength(100)]
    public string LastName { get; set; } = "";

    [Required, StringLength(100)]
    public string FirstName { get; set; } = "";

    [StringLength(100)]
    public string? MiddleName { get; set; }

    public Privilege Privilege { get; set; } = Privilege.None;

    /// Where the family lives: the district's education department reviews the application.
    public District? District { get; set; }

    public InstructionLanguage Language { get; set; } = InstructionLanguage.Kazakh;

    [EmailAddress, StringLength(200)]
    public string? AdditionalEmail { get; set; }

    [Phone, StringLength(32)]
    public string? AdditionalPhone { get; set; }
}

public sealed record NewApplicationReview(NewApplicationForm Form, DateOnly BirthDate, Guid RequestId, string XmlToSign)
{
    public Domain.Applications.Parenthood Parenthood { get; init; } = Domain.Applications.Parenthood.Yes;
    public int Documents { get; init; }
}
