using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Domain.Tests.TestData;

internal static class Organisations
{
    public static PreschoolOrganisation PrivateStateOrder(int id = 11) =>
        new PreschoolOrganisation(OrganisationType.PrivateStateOrder, "Ясли-сад «Балапан»", "«Балапан» бөбекжай-бақшасы",
            InstructionLanguage.Kazakh, District.Bostandyk, "ул. Тимирязева, 15", "+7 727 000 00 00", null, 43.23, 76.91)
            .WithId(id);

    public static PreschoolOrganisation Inactive()
    {
        var organisation = PrivateStateOrder(12);
        organisation.Deactivate();
        return organisation;
    }
}
