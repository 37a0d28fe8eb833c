using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OpenAlmaty.Kindergarten.Web.Features.Shared;

/// The largest body a POST may carry. A request whose Content-Length says it is larger is refused
/// with 413 and a page in the person's language before a byte of it is read: before the
/// anti-forgery check reads the form, before model binding, before any file is buffered (issue 17:
/// a 2 MB sign-in body; issue 12: uploads). A body without a length (chunked) is cut off by Kestrel
/// at the same limit while it is read. Runs ahead of MVC's own filters (anti-forgery is 1000).
[AttributeUsage(AttributeTargets.Method)]
public sealed class BodyLimitAttribute(long bytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const string View = "~/Features/Shared/Views/TooLarge.cshtml";

    public long Bytes => bytes;

    public int Order => -1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.Request.ContentLength > bytes)
        {
            var viewData = new ViewDataDictionary<long>(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), context.ModelState) { Model = bytes };
            context.Result = new ViewResult { ViewName = View, StatusCode = StatusCodes.Status413PayloadTooLarge, ViewData = viewData };
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = bytes;
    }
}
