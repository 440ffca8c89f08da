from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from thidua.org.scoping import can_edit_in

from . import selectors, services
from .forms import NewPersonForm, PersonForm
from .panels import person_panels, unit_panels


@login_required
def tree(request):
    include_former = request.GET.get("cu") != "0"
    rows = selectors.organisation_tree(user=request.user, include_former=include_former)
    return render(request, "org/tree.html", {"rows": rows, "include_former": include_former})


@login_required
def unit_detail(request, pk: int):
    unit = selectors.get_organisation(user=request.user, pk=pk)
    context = {
        "unit": unit,
        "ancestors": unit.ancestors(),
        "children": sorted(unit.children.all(), key=lambda o: o.name),
        "memberships": selectors.unit_members(organisation=unit),
        "merged_from": list(unit.merged_from.all()),
        "blocks": list(unit.emulation_blocks.all()[:10]),
        "can_edit": can_edit_in(request.user, unit),
        "panels": unit_panels.render_list(request, unit),
    }
    return render(request, "org/unit_detail.html", context)


@login_required
def person_detail(request, pk: int):
    person = selectors.get_person(user=request.user, pk=pk)
    memberships = list(person.memberships.all())
    context = {
        "person": person,
        "memberships": memberships,
        "can_edit": any(can_edit_in(request.user, m.organisation) for m in memberships),
        "panels": person_panels.render_list(request, person),
    }
    return render(request, "org/person_detail.html", context)


@login_required
def person_create(request):
    if not request.user.can_manage_records:
        raise PermissionDenied
    form = NewPersonForm(request.POST or None, user=request.user,
                         initial={"organisation": request.GET.get("don-vi")})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            person = services.create_person(actor=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Đã thêm {person.full_name}.")
            return redirect("org:person", pk=person.pk)
    return render(request, "org/person_form.html", {"form": form, "creating": True})


@login_required
def person_edit(request, pk: int):
    person = selectors.get_person(user=request.user, pk=pk)
    if not any(can_edit_in(request.user, m.organisation) for m in person.memberships.all()):
        raise PermissionDenied
    form = PersonForm(request.POST or None, instance=selectors.get_person(user=request.user, pk=pk), user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        services.update_person(actor=request.user, person=person, **fields)
        messages.success(request, "Đã lưu thay đổi.")
        return redirect("org:person", pk=person.pk)
    return render(request, "org/person_form.html", {"form": form, "person": person})


@login_required
def search(request):
    query = (request.GET.get("q") or "").strip()[:200]
    results = selectors.search(user=request.user, query=query)
    return render(request, "org/search.html", results)
