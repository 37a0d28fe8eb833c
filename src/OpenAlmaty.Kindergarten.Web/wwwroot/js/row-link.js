// A click anywhere on a journal row opens its application, as the instruction says
// («нажать на строку»); clicks on the row's own links and text selections are left alone.
document.querySelectorAll('tr.oa-row-link[data-href]').forEach(function (row) {
    row.addEventListener('click', function (e) {
        if (e.target.closest('a, button, input, select, textarea')) return;
        if (window.getSelection && String(window.getSelection()).length > 0) return;
        window.location.href = row.getAttribute('data-href');
    });
});
