"""The one home of 'half the items or more are known goods' (product_hs.mostly_goods, names_goods); text made up."""
from flows.extract.product_hs import mostly_goods, names_goods


def test_half_known_passes_and_less_fails() -> None:
    assert mostly_goods(["tea", "rice", "goodwill"])
    assert mostly_goods(["tea", "goodwill"])  # half is enough
    assert not mostly_goods(["farmers", "goodwill", "tea"])
    assert not mostly_goods([])


def test_names_goods_reads_the_head_and_its_singular() -> None:
    assert names_goods("crude oil")
    assert names_goods("cut flowers")
    assert not names_goods("small traders")
    assert not names_goods("cash")


def test_the_stricter_test_is_a_parameter() -> None:
    # the HS look-up word by word is loose ('cash' finds cash registers); frames that say little of goods pass
    # names_goods, which wants a head that opens an HS heading
    assert mostly_goods(["cash", "loans"])
    assert not mostly_goods(["cash", "loans"], names_goods)
    assert mostly_goods(["crude oil", "cash"], names_goods)
