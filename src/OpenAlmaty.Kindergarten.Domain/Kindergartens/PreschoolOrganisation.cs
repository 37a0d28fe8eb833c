using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Kindergartens;

public enum OrganisationType
{
    State = 1,
    /// Частный детский сад по государственному образовательному заказу ("по гос.дотации").
    PrivateStateOrder = 2,
}

public enum InstructionLanguage { Kazakh = 1, Russian = 2, English = 3, KazakhRussian = 4 }

/// Almaty's eight districts.
public enum District
{
    Alatau = 1, Almaly = 2, Auezov = 3, Bostandyk = 4, Zhetysu = 5, Medeu = 6, Nauryzbay = 7, Turksib = 8,
}

public sealed class PreschoolOrganisation
{
    private PreschoolOrganisation() { }

    public PreschoolOrganisation(OrganisationType type, string nameRu, string nameKk, InstructionLanguage language,
        District district, string address, string phones, string? website, double? latitude, double? longitude)
    {
        Type = type;
        IsActive = true;
        Update(nameRu, nameKk, language, district, address, phones, website, latitude, longitude);
    }

    public int Id { get; private set; }
    public OrganisationType Type { get; private set; }
    public string NameRu { get; private set; } = "";
    public string NameKk { get; private set; } = "";
    public InstructionLanguage Language { get; private set; }
    public District District { get; private set; }
    public string Address { get; private set; } = "";
    public string Phones { get; private set; } = "";
    public string? Website { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public bool IsActive { get; private set; }

    /// The organisation's BIN: an employee certificate carrying it signs staff in for this
    /// organisation (Kazakh staff usually sign with their employer's key).
    public string? Bin { get; private set; }

    public void SetBin(string? bin)
    {
        var value = string.IsNullOrWhiteSpace(bin) ? null : bin.Trim();
        if (value is not null && (value.Length != 12 || !value.All(char.IsAsciiDigit)))
            throw new DomainException("organisation.bin", new("БИН — это 12 цифр."));
        Bin = value;
    }

    public string Name(string? language) => language == "kk" ? NameKk : NameRu;

    public void Update(string nameRu, string nameKk, InstructionLanguage language, District district,
        string address, string phones, string? website, double? latitude, double? longitude)
    {
        if (string.IsNullOrWhiteSpace(nameRu) || string.IsNullOrWhiteSpace(nameKk))
            throw new DomainException("organisation.name", new("Укажите название на русском и казахском языках."));
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
            throw new DomainException("organisation.coordinates", new("Координаты указаны неверно."));
        NameRu = nameRu.Trim();
        NameKk = nameKk.Trim();
        Language = language;
        District = district;
        Address = address.Trim();
        Phones = phones.Trim();
        Website = string.IsNullOrWhiteSpace(website) ? null : website.Trim();
        Latitude = latitude;
        Longitude = longitude;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
