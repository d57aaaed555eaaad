"""Adobe Commerce (Magento): the synchronous veto on product saves (`gate serve`) and its helpers."""
