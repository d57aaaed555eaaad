"""Rural addresses (`detectors/location_rural.py`, addr20's open class): neighbours of each form found,
and product titles, collections and dates in the same shapes left clean."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

_FOUND = (
    "please leave it at RR 4 Box 112, Wahoo, Nebraska",
    "drop it at Rural Route 1 Site 5, Didsbury, Alberta",
    "leave it with the neighbour at Higher Barn Farm, Mill Lane, near Hawes",
    "please hand it to the watchman at Village Dhani Khurd, Post Office Sohna, District Gurugram",
    "livrez au Lieu-dit Le Moulin, route de Figeac, Cajarc",
    "livrez au Lieu-dit La Borie, 46160 Cajarc",
    "laissez-le au Rang Sainte-Anne 212, Saint-Boniface",
    "bitte vor die Tür stellen, Rotte Unterberg 7, Gemeinde Lunz",
    "déjelo en Carretera Federal 200 Km 35, Rancho El Sol, Compostela",
    "dejalo en Ruta Nacional 7 Km 12, Chacra 4, San Rafael",
    "déjelo en Vereda La Palma, Finca El Roble, Km 2 vía a Rionegro",
    "deixar na Fazenda Santa Luzia, Estrada Municipal km 3, Zona Rural, Goiás",
    "graag afgeven op Boerderij De Linde, Dorpsweg 8, Hellendoorn",
    "lämna det på Gården Norrby 2, Mora",
    "legg den i Gnr 12 bnr 4, Lunde, Nome",
    "zostawcie na Kolonia Borowa 12, gmina Zamość",
    "nechte to na čp. 118, Dolní Lhota",
    "hagyják a Tanya 88, Kiskőrös",
    "lăsați coletul în Sat Oarța, nr. 45, comuna Oarța de Jos, jud. Maramureș",
    "ostavite paket u Zaselak Donji Kraj 3, Ivanec",
    "jätke pakk Kase talu, Palupera küla, Otepää vald",
    "경비실에 맡겨 주세요: 경상북도 청송군 부동면 상의리 산 45",
    "để ở Thôn 7, xã Hòa Phú, Buôn Ma Thuột",
    "titip di Dusun Sumber RT 02 RW 01, Desa Karangrejo, Kec. Garum",
    "paki-iwan sa Purok 5, Sitio Ilaya, Barangay Bagong Silang",
    "चौकीदार को दे दें: ग्राम सुल्तानपुर, पोस्ट मोहनलालगंज, जिला लखनऊ",
    "اتركوه في عزبة النخل، قرية كفر الشيخ، مركز دسوق",
    "השאירו במשק 17, מושב כפר ויתקין",
    "لطفاً به نگهبان بدهید: روستای ماسوله، دهستان ماسوله، شهرستان فومن",
    "tafadhali acha Kijiji cha Mosoriot, Shamba namba 40, Nandi",
    "please leave it at 1205 Banchi, Oaza Minami, Miyota-machi",
)

_CLEAN = (
    "Old MacDonald Farm, Kids Poster",
    "Stardew Valley Farm, Pelican Town fan art",
    "Vineyard Farm, Napa Valley wine label",
    "Sunny Farm, Organic Milk 1L",
    "Sunny Farm, Devon 2 x 250 g butter",
    "Hacienda Napoles, Colombia poster",
    "Hacienda Tequila, Jalisco 750 ml",
    "Finca Vigia, Cuba 1939 photo",
    "Village People, YMCA vinyl",
    "Rancho Relaxo, Mexico tote",
    "Route 66 sign",
    "Ruta 40 Km 3000 road trip poster",
    "Km 0 Madrid souvenir",
    "Gemeinde Ybbsitz skyline",
    "Tanya 2024 calendar",
    "Sat Nov 3, 10am market",
    "Boerderij De Hoeve, Kaas 500g",
)


@pytest.mark.parametrize("text", _FOUND)
def test_rural_address_is_found(text: str) -> None:
    assert "LOCATION" in {finding.entity for finding in scan_parameters({"note": text})}


@pytest.mark.parametrize("text", _CLEAN)
def test_rural_look_alike_stays_clean(text: str) -> None:
    assert scan_parameters({"product": {"title": text}}) == []
