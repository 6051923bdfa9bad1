// "All of this district" ticks (or unticks) every tambon of its district at once. Without
// this script the form still works: the server adds every tambon of a ticked district.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!box.matches || !box.matches('input[name="districts"]')) return;
  const district = box.closest("fieldset.district");
  for (const tambon of district.querySelectorAll('input[name="tambons"]')) {
    tambon.checked = box.checked;
  }
});
