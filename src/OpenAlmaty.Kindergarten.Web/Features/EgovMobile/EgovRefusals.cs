using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile;

/// What the app (403 {"message"}) and the waiting page say when eGov Mobile's answer is refused.
public static class EgovRefusals
{
    public static SignatureRejectedException UnknownRequest() => new("egov.unknown", new(
        "Запрос на подпись не найден. Обновите страницу и подпишите ещё раз.",
        "Қол қою сұрауы табылмады. Бетті жаңартып, қайта қол қойыңыз.",
        "The signing request was not found. Reload the page and sign again."));

    public static SignatureRejectedException Used() => new("egov.used", new(
        "Этот документ уже подписан. Повторная подпись не нужна.",
        "Бұл құжатқа бұрын қол қойылған. Қайта қол қоюдың қажеті жоқ.",
        "This document has already been signed. There is no need to sign it again."));

    public static SignatureRejectedException Ended() => new("egov.ended", new(
        "Подписание уже завершено отказом. Обновите страницу на портале и начните заново.",
        "Қол қою бас тартумен аяқталды. Порталдағы бетті жаңартып, қайта бастаңыз.",
        "This signing has already ended with a refusal. Reload the portal's page and start again."));

    public static SignatureRejectedException Expired() => new("egov.expired", new(
        "Время на подпись истекло (5 минут). Обновите страницу на портале и отсканируйте новый QR-код.",
        "Қол қою уақыты өтіп кетті (5 минут). Порталдағы бетті жаңартып, жаңа QR-кодты сканерлеңіз.",
        "The time to sign has run out (5 minutes). Reload the portal's page and scan the new QR code."));

    public static SignatureRejectedException OtherDocument() => new("egov.other-document", new(
        "Подписан не тот документ, который выдал портал для этого QR-кода. Ничего не изменено.",
        "Осы QR-код үшін портал берген құжатқа емес, басқа құжатқа қол қойылған. Ештеңе өзгертілмеді.",
        "The signed document is not the one the portal issued for this QR code. Nothing was changed."));

    public static SignatureRejectedException OtherIin() => new("egov.other-iin", new(
        "Документ подписан ключом другого человека: ИИН в подписи не совпадает с ИИН, под которым вы вошли. Ничего не изменено.",
        "Құжатқа басқа адамның кілтімен қол қойылған: қолтаңбадағы ЖСН сіз кірген ЖСН-мен сәйкес келмейді. Ештеңе өзгертілмеді.",
        "The document was signed with another person's key: the IIN in the signature is not the one you signed in with. Nothing was changed."));

    public static SignatureRejectedException BadBody() => new("egov.bad-body", new(
        "Ответ приложения не понят: нужен JSON с подписанным документом. Ничего не изменено.",
        "Қосымшаның жауабы түсініксіз: қол қойылған құжаты бар JSON қажет. Ештеңе өзгертілмеді.",
        "The app's answer was not understood: JSON with the signed document is expected. Nothing was changed."));

    public static SignatureRejectedException TooLarge() => new("egov.too-large", new(
        "Ответ приложения слишком большой. Ничего не изменено.",
        "Қосымшаның жауабы тым үлкен. Ештеңе өзгертілмеді.",
        "The app's answer is too large. Nothing was changed."));

    public static LocalizedText NoToken { get; } = new(
        "Нет доступа к документу: приложение не предъявило действующий ключ доступа.",
        "Құжатқа қол жеткізу жоқ: қосымша жарамды қатынау кілтін көрсетпеді.",
        "No access to the document: the app did not present a valid access token.");

    public static LocalizedText NotFound { get; } = new(
        "Подписание не найдено. Отсканируйте QR-код на портале ещё раз.",
        "Қол қою табылмады. Порталдағы QR-кодты қайта сканерлеңіз.",
        "The signing was not found. Scan the QR code on the portal again.");
}
