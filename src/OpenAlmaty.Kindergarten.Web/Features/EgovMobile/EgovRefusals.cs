using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile;

/// What the app (403 {"message"}) and the waiting page say when eGov Mobile's answer is refused.
public static class EgovRefusals
{
    public static SignatureRejectedException UnknownRequest() => new("egov.unknown", new(
        "Запрос на подпись не найден. Обновите страницу и подпишите ещё раз."));

    public static SignatureRejectedException Used() => new("egov.used", new(
        "Этот документ уже подписан. Повторная подпись не нужна."));

    public static SignatureRejectedException Ended() => new("egov.ended", new(
        "Подписание уже завершено отказом. Обновите страницу на портале и начните заново."));

    public static SignatureRejectedException Expired() => new("egov.expired", new(
        "Время на подпись истекло (5 минут). Обновите страницу на портале и отсканируйте новый QR-код."));

    public static SignatureRejectedException OtherDocument() => new("egov.other-document", new(
        "Подписан не тот документ, который выдал портал для этого QR-кода. Ничего не изменено."));

    public static SignatureRejectedException OtherIin() => new("egov.other-iin", new(
        "Документ подписан ключом другого человека: ИИН в подписи не совпадает с ИИН, под которым вы вошли. Ничего не изменено."));

    public static SignatureRejectedException BadBody() => new("egov.bad-body", new(
        "Ответ приложения не понят: нужен JSON с подписанным документом. Ничего не изменено."));

    public static SignatureRejectedException TooLarge() => new("egov.too-large", new(
        "Ответ приложения слишком большой. Ничего не изменено."));

    public static LocalizedText NoToken { get; } = new(
        "Нет доступа к документу: приложение не предъявило действующий ключ доступа.");

    public static LocalizedText NotFound { get; } = new(
        "Подписание не найдено. Отсканируйте QR-код на портале ещё раз.");
}
